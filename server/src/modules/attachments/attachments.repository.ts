import type { Attachment, DocumentType } from '@herorientatie/domain';
import { currentManager, currentMunicipalityId } from '../../db/unit-of-work.ts';

const META = `a.id, a.filename, a.content_type as "contentType", a.size_bytes as "sizeBytes",
  a.document_type as "documentType", a.description, u.name as "uploadedBy", a.created_at as "createdAt"`;

export class AttachmentsRepository {
  async insert(
    caseId: string,
    file: {
      filename: string;
      contentType: string;
      content: Buffer;
      sha256: string;
      documentType: DocumentType;
      description?: string | null;
    },
    userId: string,
  ): Promise<string> {
    const rows = await currentManager().query(
      `insert into attachment (municipality_id, case_id, filename, content_type, size_bytes, sha256, content,
                               uploaded_by, document_type, description)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) returning id`,
      [
        currentMunicipalityId(),
        caseId,
        file.filename,
        file.contentType,
        file.content.length,
        file.sha256,
        file.content,
        userId,
        file.documentType,
        file.description ?? null,
      ],
    );
    return rows[0].id;
  }

  async list(caseId: string): Promise<Attachment[]> {
    const rows = await currentManager().query(
      `select ${META} from attachment a join app_user u on u.municipality_id = a.municipality_id and u.id = a.uploaded_by
        where a.municipality_id = $1 and a.case_id = $2 and a.removed_at is null order by a.created_at desc`,
      [currentMunicipalityId(), caseId],
    );
    return rows.map((r: Attachment & { createdAt: Date }) => ({
      ...r,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async exists(caseId: string, id: string): Promise<boolean> {
    const rows = await currentManager().query(
      `select 1 from attachment where municipality_id = $1 and case_id = $2 and id = $3 and removed_at is null`,
      [currentMunicipalityId(), caseId, id],
    );
    return rows.length > 0;
  }

  async content(
    caseId: string,
    id: string,
  ): Promise<{ filename: string; contentType: string; content: Buffer } | null> {
    const rows = await currentManager().query(
      `select filename, content_type as "contentType", content from attachment
        where municipality_id = $1 and case_id = $2 and id = $3 and removed_at is null`,
      [currentMunicipalityId(), caseId, id],
    );
    return rows[0] ?? null;
  }

  /** Erases the file's content; what it was, who removed it and why stay. */
  async remove(
    caseId: string,
    id: string,
    reason: string,
    userId: string,
  ): Promise<{ filename: string } | null> {
    // TypeORM answers an UPDATE with [returned rows, affected count].
    const [rows]: [{ filename: string }[], number] = await currentManager().query(
      `update attachment set content = null, removed_at = now(), removed_by = $4, removed_reason = $5
        where municipality_id = $1 and case_id = $2 and id = $3 and removed_at is null
        returning filename`,
      [currentMunicipalityId(), caseId, id, userId, reason],
    );
    return rows[0] ?? null;
  }
}
