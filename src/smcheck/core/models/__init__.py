"""Pydantic models for every file smcheck reads or writes."""
