package cn.anshan.oversight.enrolment.repository;

import cn.anshan.oversight.enrolment.domain.provider.FiledCourse;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class FiledCourseRepository implements PanacheRepositoryBase<FiledCourse, UUID> {}
