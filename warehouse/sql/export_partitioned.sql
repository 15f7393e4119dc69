COPY (SELECT *, strftime({date_column}, '%Y-%m') AS published_month FROM {relation})
TO {target} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (published_month), OVERWRITE);
