/** The labels of fields and values, shared with the server's export dictionary (server/domain/field-labels.ts). */
export { fieldLabel, valueLabel } from '../../../server/domain/field-labels.js';
