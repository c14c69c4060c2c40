"""The sample articles and their demo flags, shipped inside the package as
``reader.sample_articles`` (see setup.py) and put into a new library by
reader.services.samples."""
