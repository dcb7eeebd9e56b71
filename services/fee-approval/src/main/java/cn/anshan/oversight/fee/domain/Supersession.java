package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.UUID;

/** The later revision of the same school, term and programme type published in this one's place. */
@Embeddable
public record Supersession(UUID supersededBy, Instant supersededAt) {}
