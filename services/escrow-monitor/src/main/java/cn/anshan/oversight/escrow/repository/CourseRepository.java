package cn.anshan.oversight.escrow.repository;

import cn.anshan.oversight.escrow.domain.entitlement.FiledCourse;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class CourseRepository implements PanacheRepositoryBase<FiledCourse, UUID> {}
