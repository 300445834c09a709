-- Pops one element from an end of the list KEYS[1], unless that element is ARGV[3] (when ARGV[2] is '1'):
-- the codec's encoding of null (a Python None), which a poll cannot hand out because its null answer
-- means "empty"; the element then stays where it is.
-- ARGV[1] is 'L' (head) or 'R' (tail).
-- Returns the element popped, nil when the list is empty, or 1 (nothing removed) when the end holds ARGV[3].
local head = ARGV[1] == 'L'
if ARGV[2] == '1' and redis.call('LINDEX', KEYS[1], head and 0 or -1) == ARGV[3] then
  return 1
end
if head then
  return redis.call('LPOP', KEYS[1])
end
return redis.call('RPOP', KEYS[1])
