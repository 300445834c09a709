-- Cache.clear(): deletes every entry of one cache at once, with no per-entry events, and (while anyone
-- listens) announces it on the cache's channel, so that near caches in other processes drop what they keep.
--
-- KEYS[1] data hash, KEYS[2] expiry zset, KEYS[3] subscribers hash (as in entry.lua)
-- ARGV[1] the event channel, ARGV[2] the caller's id
-- Reply: 1 if there were entries, else 0.
local deleted = redis.call('DEL', KEYS[1], KEYS[2])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('PUBLISH', ARGV[1], #ARGV[2] .. ':' .. ARGV[2] .. '7:cleared-1:-1:-1:')
end
return deleted > 0 and 1 or 0
