-- Test script: appends ARGV[1] to the string at KEYS[1], so the value records the order of calls.
-- Returns the new length.
return redis.call('APPEND', KEYS[1], ARGV[1])
