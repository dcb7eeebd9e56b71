package cn.anshan.oversight.registry.config.course;

import cn.anshan.oversight.registry.domain.course.SchoolVacations;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the school vacations (TIM-01, TIM-04) for the configured years at startup; a missing file
 * stops the service instead of silently allowing subject training in a vacation.
 */
@ApplicationScoped
public class SchoolVacationsProducer {

  @Produces
  @ApplicationScoped
  SchoolVacations vacations(ScheduleSettings settings, ObjectMapper mapper) {
    Map<Integer, List<SchoolVacations.Vacation>> years = new HashMap<>();
    for (int year : settings.school().vacationYears()) {
      String resource = settings.school().vacationResource().formatted(year);
      try (InputStream in =
          Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("missing school-vacation resource " + resource);
        }
        JsonNode root = mapper.readTree(in);
        List<SchoolVacations.Vacation> vacations = new ArrayList<>();
        for (JsonNode v : root.path("vacations")) {
          vacations.add(
              new SchoolVacations.Vacation(
                  v.path("name").asText(),
                  LocalDate.parse(v.path("from").asText()),
                  LocalDate.parse(v.path("to").asText())));
        }
        years.put(year, vacations);
        Log.infof("school vacations %d loaded from %s (%s)", year, resource, root.path("status"));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + resource, e);
      }
    }
    return new SchoolVacations(years);
  }
}
