"""Qt Designer forms (.ui) for frontdesk's dialogs, read at run time by `frontdesk.gui.forms`."""
