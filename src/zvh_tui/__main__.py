from zvh_tui.start import main

raise SystemExit(main())
