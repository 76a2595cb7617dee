import { z } from 'zod'
import { SERVICE_CODES, SUPPLIER_CODES, APPLICANT_KINDS } from '../core/services'
import { UTILITY_KINDS } from '../core/providers'
import { SHARED_DATA } from '../core/joint-services'
import { USE_CODES } from '../core/uses'

const limitSource = z.enum(['seed', 'default']).describe('seed: binding figure of the 2021 plan; default: configurable, not public')

export const materialSchema = z.object({
  code: z.string(),
  name: z.string(),
  note: z.string().optional(),
  when: z.string().optional(),
})

const stageFields = {
  code: z.string(),
  name: z.string(),
  limitDays: z.number().int().positive(),
  limitSource,
  actor: z.string(),
  description: z.string(),
  materials: z.array(z.string()),
}
export const stageSchema = z.object({
  ...stageFields,
  checkpoints: z.array(z.object(stageFields)).optional(),
})

const utilityKind = z.enum(Object.keys(UTILITY_KINDS) as [keyof typeof UTILITY_KINDS, ...(keyof typeof UTILITY_KINDS)[]])
const sharedDataItems = Object.keys(SHARED_DATA) as [keyof typeof SHARED_DATA, ...(keyof typeof SHARED_DATA)[]]

export const partQuestionSchema = z.object({
  code: z.string(),
  label: z.string(),
  kind: z.enum(['choice', 'count']),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  unit: z.string().optional(),
})

export const serviceSchema = z.object({
  code: z.enum(SERVICE_CODES),
  name: z.string(),
  shortName: z.string(),
  audience: z.string(),
  voltage: z.enum(['220V/380V', '10kV']).nullable(),
  maxCapacityKw: z.number().nullable(),
  minCapacityKw: z.number(),
  feeYuan: z.number().nullable().describe('null: charged by the provider\'s published tariff (feeNote)'),
  feeNote: z.string(),
  totalLimitDays: z.number().int().positive(),
  totalLimitSource: limitSource,
  totalLimitKind: z.enum(['max', 'average']),
  stages: z.array(stageSchema),
  applicantKinds: z.array(z.enum(APPLICANT_KINDS)),
  uses: z.array(z.enum(USE_CODES)),
  capacityHint: z.string(),
  signsContractOnApplying: z.boolean(),
  aboveCapacityService: z.enum(SERVICE_CODES).optional(),
  movedInChanges: z.string().optional(),
  afterSubmitting: z.string(),
  utility: utilityKind,
  standalone: z.boolean().describe('false: only together with an electricity application (同时办理)'),
  provider: z.enum(SUPPLIER_CODES).optional(),
  questions: z.array(partQuestionSchema),
  sharing: z.object({ purpose: z.string(), processing: z.string(), dataItems: z.array(z.enum(sharedDataItems)) }).optional(),
})

export const supplierSchema = z.object({
  code: z.enum(SUPPLIER_CODES),
  kind: utilityKind,
  name: z.string(),
  shortName: z.string(),
  serviceArea: z.string(),
  contact: z.string(),
  defaultsLabel: z.string().optional(),
})

export const serviceCatalogueSchema = z.object({
  services: z.array(serviceSchema),
  materials: z.record(z.string(), materialSchema),
  suppliers: z.array(supplierSchema),
})
export type ServiceCatalogue = z.infer<typeof serviceCatalogueSchema>
