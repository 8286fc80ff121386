// Absolute links into the app's pages, for messages read outside it.

const segment = (value: string) => encodeURIComponent(value);

export const incidentUrl = (baseUrl: string, reference: string) => `${baseUrl}/incidents/${segment(reference)}`;
export const postmortemUrl = (baseUrl: string, reference: string) => `${incidentUrl(baseUrl, reference)}/postmortem`;
export const reviewUrl = (baseUrl: string, week: string) => `${baseUrl}/reviews/${segment(week)}`;
export const actionItemsUrl = (baseUrl: string) => `${baseUrl}/action-items`;
