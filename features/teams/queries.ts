import "server-only";
import { db } from "@/lib/db";
import { findTeamForEdit, listTeamChoices, listTeams, listTeamsWithServices } from "./reads";

export const readTeamsWithServices = () => listTeamsWithServices(db);
export const readTeamForEdit = (slug: string) => findTeamForEdit(db, slug);
export const readTeamChoices = (currentSlug?: string) => listTeamChoices(db, currentSlug);
export const readTeams = () => listTeams(db);
