from zvh_tui.cli import main

raise SystemExit(main())
