"""The supervisor's view: the period report as charts with their numbers as tables (a
window of its own, opened from the Go menu) and printed as an A4 PDF. Imported only when
opened or printed, so the adviser's window starts without QtCharts."""
