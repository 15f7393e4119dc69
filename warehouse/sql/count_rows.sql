SELECT count(*) FROM {relation};
