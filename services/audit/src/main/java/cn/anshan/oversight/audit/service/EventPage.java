package cn.anshan.oversight.audit.service;

import java.util.List;

/** A page of events and the cursor of the next page (null on the last page). */
public record EventPage(List<EventView> items, String nextCursor) {}
