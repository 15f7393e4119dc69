DROP TABLE IF EXISTS batch_pairs;
