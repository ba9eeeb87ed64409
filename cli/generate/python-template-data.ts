import type { Catalog } from '../catalog/model.js';
import { CATALOG_FILE } from '../catalog/load.js';
import { buildTemplateData, type TemplateData, type TemplateError } from './template-data.js';

/** A catalog error as the Python templates use it: everything the shared data has, plus Python literals. */
export interface PythonTemplateError extends TemplateError {
  /** `retryable` as a Python literal. */
  retryablePython: 'True' | 'False';
}

/**
 * What the Python kit templates are rendered with, merged over the shared template data: the same
 * errors with Python literals added, so templates never have to translate values themselves.
 */
export interface PythonTemplateData {
  errors: PythonTemplateError[];
  internalError: PythonTemplateError;
  validationError: PythonTemplateError;
  notFoundError: PythonTemplateError;
  retryableError: PythonTemplateError;
}

/** The Python-specific template data; the shared fields (header, docs URL, runbooks) stay as `buildTemplateData` makes them. */
export function buildPythonTemplateData(catalog: Catalog): PythonTemplateData {
  // The project name does not reach any Python template; the shared builder needs one anyway.
  const shared: TemplateData = buildTemplateData(catalog, '', CATALOG_FILE);
  const errors = shared.errors.map(toPythonError);
  const byName = (error: TemplateError): PythonTemplateError => errors.find((e) => e.name === error.name) ?? toPythonError(error);
  return {
    errors,
    internalError: byName(shared.internalError),
    validationError: byName(shared.validationError),
    notFoundError: byName(shared.notFoundError),
    retryableError: byName(shared.retryableError),
  };
}

function toPythonError(error: TemplateError): PythonTemplateError {
  return { ...error, retryablePython: error.retryable ? 'True' : 'False' };
}
