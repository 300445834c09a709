-- Set.retainAll: remove every member not among ARGV, atomically; returns how many were removed.
-- KEYS[1] the set; ARGV the encoded members to keep.
local keep = {}
for _, member in ipairs(ARGV) do
  keep[member] = true
end
local doomed = {}
for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  if not keep[member] then
    doomed[#doomed + 1] = member
  end
end
-- unpack() is limited by Lua's C stack, so remove in slices.
local step = 1000
for i = 1, #doomed, step do
  redis.call('SREM', KEYS[1], unpack(doomed, i, math.min(i + step - 1, #doomed)))
end
return #doomed
