# The jemalloc library and the setting ./ibra runs it with; sourced by ./ibra and by the benches that compare
# allocators, so that both name one setting. Decay off keeps freed pages (fastest); one arena, because with
# jemalloc's default arenas the detector's loss kept growing the resident memory batch after batch, and with one it
# levels off (bench/detect-loss-memory.sh).
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
JEMALLOC_CONF="narenas:1,dirty_decay_ms:-1,muzzy_decay_ms:-1"
