package cn.anshan.oversight.fee.domain;

import jakarta.persistence.Embeddable;
import java.time.Instant;

/** Who published the approved fee and when (ASV-04: fees publicly displayed). */
@Embeddable
public record Publication(String publishedBy, Instant publishedAt) {}
