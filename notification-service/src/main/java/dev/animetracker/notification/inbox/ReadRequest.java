package dev.animetracker.notification.inbox;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to mark read: {@code {ids:[...]}} or {@code {all:true}}, exactly one of them.
 *
 * @param ids entry ids; ids of other users' entries are ignored
 */
public record ReadRequest(@Nullable List<Long> ids, @Nullable Boolean all) {}
