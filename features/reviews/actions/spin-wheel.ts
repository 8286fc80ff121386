"use server";

import { db } from "@/lib/db";
import { reviewFormAction } from "../form-answer";
import { spinWheel } from "../mutations/wheel-spin";

export const spinWheelAction = reviewFormAction(db, spinWheel, "The wheel is spinning.", "The wheel did not spin");
