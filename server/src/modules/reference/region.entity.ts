import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A labour-market region (arbeidsmarktregio). Reference data, shared by all. */
@Entity('region')
export class Region {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;
}
