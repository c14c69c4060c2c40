"""Only what pyproject.toml cannot say: the top-level data folders ship inside the package.

``resources/`` and ``sample_articles/`` stay at the top of the repository, and the wheel
carries them as ``reader.resources`` and ``reader.sample_articles`` (reader.core.shipped
finds them with importlib.resources). Declarative ``packages.find`` cannot add a package
mapped from another folder, so the list is found here; the mapping itself is in
pyproject.toml. Each folder has an ``__init__.py`` (a docstring only) so that an editable
install maps it too (setuptools' editable finder maps regular packages only).
"""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["reader*"]), "reader.resources", "reader.sample_articles"])
