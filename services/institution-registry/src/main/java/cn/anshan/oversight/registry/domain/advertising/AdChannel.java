package cn.anshan.oversight.registry.domain.advertising;

/** Where a training advertisement appeared; ADV-01 prohibits every one of them. */
public enum AdChannel {
  MAINSTREAM_MEDIA,
  NEW_MEDIA,
  PUBLIC_PLACE,
  RESIDENTIAL_BILLBOARD,
  ONLINE_PLATFORM,
  SCHOOL_PREMISES,
  /** Textbooks, exercise books, stationery, uniforms, school buses. */
  SCHOOL_ITEMS,
  /** Railways, metro, buses and state-owned ad space (8-department notice). */
  PUBLIC_TRANSPORT
}
