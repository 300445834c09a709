-- PFMERGE into the HyperLogLog KEYS[1] from sources a cluster cannot reach in one command: KEYS[3..]
-- are sources in KEYS[1]'s hash slot, merged directly; ARGV[1..] are the raw string values of sources
-- elsewhere (read by the client with GET), each SET on the scratch key KEYS[2] (same slot) and merged
-- from there. The scratch key is deleted even when a value is not a valid HyperLogLog.
local local_sources = {}
for i = 3, #KEYS do
  local_sources[#local_sources + 1] = KEYS[i]
end
local merged = redis.pcall('PFMERGE', KEYS[1], unpack(local_sources))
for i = 1, #ARGV do
  if type(merged) == 'table' and merged.err then
    break
  end
  redis.call('SET', KEYS[2], ARGV[i])
  merged = redis.pcall('PFMERGE', KEYS[1], KEYS[2])
end
redis.call('DEL', KEYS[2])
if type(merged) == 'table' and merged.err then
  return redis.error_reply(merged.err)
end
return 1
