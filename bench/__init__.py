"""make bench: data generator, harness and one bench_<topic>.py per measured job."""
