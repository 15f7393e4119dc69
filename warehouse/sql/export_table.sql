COPY (SELECT * FROM {relation}) TO {target} (FORMAT parquet, COMPRESSION zstd);
