/**
 * Events: listener registrations, the {@code CacheEntryEvent} type and the dispatcher that delivers what an
 * operation did (created, updated, removed, expired) to the listeners whose filters accept it —
 * synchronous listeners before the operation returns, asynchronous ones on the cache's event thread, in order.
 */
package dev.pottery.jcache.event;
