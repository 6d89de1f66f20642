"""The app's widgets: feeds pane, virtual article list, reader and status line."""
