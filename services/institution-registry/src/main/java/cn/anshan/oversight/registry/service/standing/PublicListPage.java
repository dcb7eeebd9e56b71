package cn.anshan.oversight.registry.service.standing;

import cn.anshan.oversight.registry.domain.Category;
import cn.anshan.oversight.registry.domain.Mode;
import cn.anshan.oversight.registry.domain.SubCategory;
import cn.anshan.oversight.registry.domain.standing.ListStatus;
import java.util.List;

/** A page of the published white or black list; {@code next} is the cursor, null at the end. */
public record PublicListPage(List<Entry> items, String next) {
  public record Entry(
      String institutionId,
      String name,
      Category category,
      SubCategory subCategory,
      Mode mode,
      String district,
      ListStatus listStatus) {}
}
