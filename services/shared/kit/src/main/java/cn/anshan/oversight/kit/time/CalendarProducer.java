package cn.anshan.oversight.kit.time;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads {@code calendar/cn-<year>.json} for the configured years from the classpath. A year marked
 * {@code "provisional"} (statutory holidays only, before the State Council's notice of that year is
 * published) is loaded with a warning at every start, so operators see that its working-day windows
 * may still move by the notice's 调休 days.
 */
@ApplicationScoped
public class CalendarProducer {

  @Produces
  @ApplicationScoped
  WorkingDayCalendar calendar(
      @ConfigProperty(name = "oversight.calendar.years", defaultValue = "2025,2026,2027")
          List<Integer> years,
      ObjectMapper mapper) {
    return load(years, mapper);
  }

  public static WorkingDayCalendar load(List<Integer> years, ObjectMapper mapper) {
    Map<Integer, WorkingDayCalendar.Year> loaded = new HashMap<>();
    for (int year : years) {
      String resource = "calendar/cn-" + year + ".json";
      try (InputStream in =
          Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing calendar resource " + resource);
        }
        JsonNode root = mapper.readTree(in);
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode h : root.path("holidays")) {
          LocalDate from = LocalDate.parse(h.path("from").asText());
          LocalDate to = LocalDate.parse(h.path("to").asText());
          for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            holidays.add(d);
          }
        }
        Set<LocalDate> makeUp = new HashSet<>();
        for (JsonNode d : root.path("makeUpWorkingDays")) {
          makeUp.add(LocalDate.parse(d.asText()));
        }
        boolean provisional = root.path("provisional").asBoolean(false);
        if (provisional) {
          Log.warnf(
              "working-day calendar %d is PROVISIONAL (statutory holidays only): replace %s with"
                  + " the State Council's notice for %d",
              year, resource, year);
        }
        loaded.put(year, new WorkingDayCalendar.Year(year, holidays, makeUp, provisional));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return new WorkingDayCalendar(loaded);
  }
}
