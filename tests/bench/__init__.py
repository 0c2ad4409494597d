"""Tests of the benchmark helpers in bench/."""
