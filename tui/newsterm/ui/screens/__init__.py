"""The app's screens: the main three-pane screen and the help screen."""
