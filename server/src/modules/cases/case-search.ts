/**
 * Finding cases by what people type: one implementation for the search box in the header
 * (ranked hits) and the search field of the case list (a filter of the list).
 */

// Each way of finding a case is its own branch, so each uses its own index (full text,
// trigram on name and business name, KvK, postcode, e-mail, phone, case number, notes).
// Only the branches that fit the shape of what was typed run, each for at most 50 cases.
// $2 is the text as typed, $3 without spaces.
/** Typed text taken literally in a LIKE pattern: a % or _ typed is that character. */
const LITERAL = (sql: string) =>
  `replace(replace(replace(${sql}, '\\', '\\\\'), '%', '\\%'), '_', '\\_')`;

const byEntrepreneur = (where: string, matched: string, rank: string) => `(
  select c.id as case_id, '${matched}' as matched, (${rank})::float8 as rank
    from entrepreneur e join case_file c on c.municipality_id = e.municipality_id and c.entrepreneur_id = e.id
   where e.municipality_id = $1 and ${where} limit 50)`;

const BRANCHES = {
  fullText: byEntrepreneur(
    "e.search @@ plainto_tsquery('dutch', $2)",
    'naam of bedrijfsnaam',
    "ts_rank(e.search, plainto_tsquery('dutch', $2)) * 2 + 1",
  ),
  namePart: byEntrepreneur(
    `lower(e.name) like '%' || ${LITERAL('lower($2)')} || '%'`,
    'naam of bedrijfsnaam',
    '1',
  ),
  businessPart: byEntrepreneur(
    `lower(e.business_name) like '%' || ${LITERAL('lower($2)')} || '%'`,
    'naam of bedrijfsnaam',
    '1',
  ),
  nameLike: byEntrepreneur(
    'lower(e.name) % lower($2)',
    'naam of bedrijfsnaam',
    'similarity(lower(e.name), lower($2))',
  ),
  businessLike: byEntrepreneur(
    'lower(e.business_name) % lower($2)',
    'naam of bedrijfsnaam',
    'similarity(lower(e.business_name), lower($2))',
  ),
  kvk: byEntrepreneur('e.kvk_number = $3', 'KvK-nummer', '3'),
  postcode: byEntrepreneur(
    "e.postcode = upper(substr($3, 1, 4) || ' ' || substr($3, 5, 2))",
    'postcode',
    '2.5',
  ),
  email: byEntrepreneur('lower(e.email) = lower($3)', 'e-mailadres', '3'),
  phone: byEntrepreneur(
    "regexp_replace(e.phone, '[^0-9]', '', 'g') = regexp_replace($3, '[^0-9]', '', 'g')",
    'telefoonnummer',
    '3',
  ),
  // Four digits: the postcode's number part ("6602").
  postcodeDigits: byEntrepreneur("e.postcode like substr($3, 1, 4) || ' %'", 'postcode', '2'),
  // A part of a phone number ("06 1234").
  phonePart: byEntrepreneur(
    "regexp_replace(e.phone, '[^0-9]', '', 'g') like '%' || regexp_replace($3, '[^0-9]', '', 'g') || '%'",
    'telefoonnummer',
    '1.5',
  ),
  // Every branch names its columns: the first branch of the union names them for all.
  reference: `(select c.id as case_id, 'dossiernummer' as matched, 3::float8 as rank from case_file c
     where c.municipality_id = $1 and c.reference ilike '%' || ${LITERAL('$3')} || '%' limit 50)`,
  notes: `(select n.case_id as case_id, 'notitie' as matched, ts_rank(to_tsvector('dutch', n.text), plainto_tsquery('dutch', $2))::float8 as rank
     from case_note n where n.municipality_id = $1 and to_tsvector('dutch', n.text) @@ plainto_tsquery('dutch', $2) limit 50)`,
};
type Branch = keyof typeof BRANCHES;

/** Which ways of finding fit what was typed. */
export function searchBranches(text: string): Branch[] {
  const compact = text.replace(/\s/g, '');
  if (/^\d{8}$/.test(compact)) return ['kvk', 'reference', 'phone', 'phonePart'];
  if (/^[1-9]\d{3}[a-z]{2}$/i.test(compact)) return ['postcode'];
  if (compact.includes('@')) return ['email'];
  if (/^\+?[\d()-]{8,}$/.test(compact)) return ['phone', 'phonePart', 'reference'];
  if (/^[1-9]\d{3}$/.test(compact)) return ['postcodeDigits', 'reference'];
  if (/^0\d{3,}$/.test(compact)) return ['phonePart', 'reference'];
  if (/^(ho-?)?[\d-]{3,}$/i.test(compact)) return ['reference'];
  return ['fullText', 'namePart', 'businessPart', 'nameLike', 'businessLike', 'reference', 'notes'];
}

/** The search everywhere for the given branches, exported so a test can check its query plan. */
export const searchSql = (branches: Branch[]) => `
  with hits as (
    ${branches.map((b) => BRANCHES[b]).join('\n    union all\n    ')}
  ),
  best as (select distinct on (h.case_id) h.case_id, h.matched, h.rank from hits h order by h.case_id, h.rank desc)
  select c.id as "caseId", c.reference, c.status, e.name as "entrepreneurName", e.business_name as "businessName",
         b.matched as "matchedOn", b.rank::float8 as rank
    from best b
    join case_file c on c.municipality_id = $1 and c.id = b.case_id
    join entrepreneur e on e.municipality_id = c.municipality_id and e.id = c.entrepreneur_id
   -- Not every branch uses both forms of the text; naming them types them.
   where ($4::uuid is null or c.advisor_id = $4) and $2::text is not null and $3::text is not null
   order by b.rank desc, c.registered_at desc limit 20`;

/**
 * The same branches as a filter for the case list: `c.id in (…)`, with the typed text and
 * its compact form bound at the given parameter positions, and a higher limit per branch
 * (a list shows every match, a search box the best twenty).
 */
export function caseSearchFilter(text: string, textParam: number, compactParam: number): string {
  const hits = searchBranches(text)
    .map((b) => BRANCHES[b])
    .join('\n    union all\n    ')
    .replace(/limit 50\)/g, 'limit 5000)')
    .replace(/\$(2|3)\b/g, (_m, n: string) => `$${n === '2' ? textParam : compactParam}`);
  // Not every branch uses both forms of the text; naming them types them.
  return `(c.id in (select case_id from (${hits}) hits) and $${textParam}::text is not null and $${compactParam}::text is not null)`;
}
