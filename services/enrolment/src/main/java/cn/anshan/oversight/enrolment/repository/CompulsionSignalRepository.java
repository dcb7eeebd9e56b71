package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.enrolment.CompulsionSignal;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CompulsionSignalRepository implements PanacheRepositoryBase<CompulsionSignal, UUID> {}
