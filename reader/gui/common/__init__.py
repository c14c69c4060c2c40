"""Small pieces every room uses: theme, icons, tooltips, underlines, file dialogs, note
widgets, action helpers, the offline resource loader and the library file guard."""
