-- Removes the element an iterator returned: the one at index ARGV[1] of the list KEYS[1] if it still
-- holds ARGV[2] (replaced by the unique marker ARGV[3], then LREM of the marker, so an equal element
-- elsewhere stays); otherwise, the list changed under the iterator, the first element equal to ARGV[2]
-- counting from the iterator's end (LREM count ARGV[4], 1 or -1). Returns the number removed.
if redis.call('LINDEX', KEYS[1], ARGV[1]) == ARGV[2] then
  redis.call('LSET', KEYS[1], ARGV[1], ARGV[3])
  return redis.call('LREM', KEYS[1], 1, ARGV[3])
end
return redis.call('LREM', KEYS[1], ARGV[4], ARGV[2])
