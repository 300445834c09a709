package dev.pottery.jcache.configuration;

import java.util.HashMap;
import java.util.Map;
import javax.cache.integration.CacheLoader;

/** A CacheLoader a configuration file names by class: loads "title of KEY". */
public class TitleLoader implements CacheLoader<String, String> {

    @Override
    public String load(String key) {
        return "title of " + key;
    }

    @Override
    public Map<String, String> loadAll(Iterable<? extends String> keys) {
        Map<String, String> loaded = new HashMap<>();
        keys.forEach(key -> loaded.put(key, load(key)));
        return loaded;
    }
}
