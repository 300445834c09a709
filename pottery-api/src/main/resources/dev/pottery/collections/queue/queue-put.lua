-- Appends ARGV[2..] to the stream KEYS[1], one entry {item: <encoded element>} each (XADD *).
-- ARGV[1] is '1' when the stream must not exist yet (creation with initial data): then an existing
-- key returns -1 and nothing is written. Returns the number of entries added.
if ARGV[1] == '1' and redis.call('EXISTS', KEYS[1]) == 1 then
  return -1
end
for i = 2, #ARGV do
  redis.call('XADD', KEYS[1], '*', 'item', ARGV[i])
end
return #ARGV - 1
