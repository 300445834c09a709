-- Adds counts to the hash KEYS[1] atomically: HINCRBY field by delta for each pair ARGV[2], ARGV[3], ...
-- ARGV[1] is '1' when the hash must not exist yet (creation with initial data): then an existing key
-- returns -1 and nothing is written. Returns the number of pairs applied.
if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
for i = 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
return (#ARGV - 1) / 2
