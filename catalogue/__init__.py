"""Course catalogue: places, providers, qualifications, offerings and search."""
