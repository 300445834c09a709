-- clear() of a collection: UNLINK the key, but only if it holds the expected Redis type (or nothing),
-- so clearing a collection opened on the wrong key never destroys other data.
-- KEYS[1] the key; ARGV[1] the expected type ('hash', 'set', 'list', 'stream' or 'string').
local actual = redis.call('TYPE', KEYS[1])['ok']
if actual ~= 'none' and actual ~= ARGV[1] then
  return redis.error_reply('WRONGTYPE the key holds a ' .. actual .. ', not a ' .. ARGV[1])
end
redis.call('UNLINK', KEYS[1])
return 1
