-- The 1-based place of a waiting-list ticket among those still waiting.
-- VOLATILE on purpose: called from the registration statement after it has
-- taken its ticket on the locked session row, it must count with a fresh
-- snapshot, which then includes every earlier ticket's registration (their
-- transactions committed before the lock was free). See docs/decisions/0010.
CREATE FUNCTION "waitlist_rank"(session_id UUID, ticket INTEGER) RETURNS INTEGER
LANGUAGE sql VOLATILE AS $$
  SELECT count(*)::integer + 1 FROM "registrations"
  WHERE "sessionId" = session_id AND "status" = 'WAITLISTED' AND "waitlistPosition" < ticket
$$;
