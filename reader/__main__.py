from reader.cli.main import main

raise SystemExit(main())
