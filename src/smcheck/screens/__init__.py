"""The screens of the interactive walk; thin views that send messages to the app."""
