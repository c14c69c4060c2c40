"""Small pieces every room uses: theme, icons, tooltips, underlines, file dialogs."""
