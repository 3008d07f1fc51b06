import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Region } from './region.entity.ts';

/** A municipality (gemeente), identified by its CBS code. Reference data. */
@Entity('municipality')
export class Municipality {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ name: 'region_id', type: 'uuid' })
  regionId: string;

  @ManyToOne(() => Region)
  @JoinColumn({ name: 'region_id' })
  region?: Region;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'is_centre', type: 'boolean' })
  isCentre: boolean;
}
